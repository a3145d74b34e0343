using System.Text.Json;
using CallVault.Core.Transcripts;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallVault.Infrastructure.Persistence;

/// <summary>Transcript segments as one JSON array column; a new list is assigned on every change, so equality by reference is enough.</summary>
internal static class TranscriptSegmentsConversion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<IReadOnlyList<TranscriptSegment>?, string?> Converter = new(
        // EF never hands a null to a converter: a null list is a NULL column.
        v => JsonSerializer.Serialize(v!, Json),
        v => JsonSerializer.Deserialize<List<TranscriptSegment>>(v!, Json));

    public static readonly ValueComparer<IReadOnlyList<TranscriptSegment>?> Comparer = new(
        (a, b) => ReferenceEquals(a, b),
        v => v == null ? 0 : v.Count,
        v => v);
}
