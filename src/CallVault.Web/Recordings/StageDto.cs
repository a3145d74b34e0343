using System.Collections.Frozen;
using System.Text.Json;
using CallVault.Core.Recordings;

namespace CallVault.Web.Recordings;

public sealed record StageDto(StageStatus Status, int Attempts, string? LastError, DateTime UpdatedAt)
{
    private static readonly FrozenDictionary<StageName, string> JsonNames =
        Enum.GetValues<StageName>().ToFrozenDictionary(s => s, s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()));

    /// <summary>A recording's stages keyed by their JSON names (<c>download</c>, …, <c>providerDelete</c>), in pipeline order.</summary>
    public static IReadOnlyDictionary<string, StageDto> ByName(IEnumerable<RecordingStage> stages) =>
        stages.OrderBy(s => s.Stage).ToDictionary(s => JsonNames[s.Stage], s => new StageDto(s.Status, s.Attempts, s.LastError, s.UpdatedAt));
}
