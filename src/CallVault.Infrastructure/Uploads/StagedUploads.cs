using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Uploads;

/// <summary>
/// The staging folder of uploads. A staged file is named by the recording id CallVault chose
/// (<c>{id:N}.upload</c>), never by anything the request said, and that name is the recording's
/// <c>MediaUrl</c>.
/// </summary>
internal sealed partial class StagedUploads(IOptions<UploadOptions> options)
{
    private const string Extension = ".upload";

    public string Root { get; } = Path.GetFullPath(options.Value.StagingPath);

    public static string FileNameFor(Guid recordingId) => $"{recordingId:N}{Extension}";

    /// <summary>Where the upload of <paramref name="recordingId"/> is staged; creates the folder.</summary>
    public string PathFor(Guid recordingId)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, FileNameFor(recordingId));
    }

    /// <summary>The path of a staged file name this class could have made; false for anything else.</summary>
    public bool TryResolve(string? fileName, [NotNullWhen(true)] out string? path)
    {
        path = fileName is not null && StagedName().IsMatch(fileName) ? Path.Combine(Root, fileName) : null;
        return path is not null;
    }

    /// <summary>Staged files and the recording id each belongs to.</summary>
    public IEnumerable<(Guid RecordingId, FileInfo File)> Enumerate()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var file in new DirectoryInfo(Root).EnumerateFiles("*" + Extension))
        {
            if (StagedName().IsMatch(file.Name) && Guid.TryParseExact(file.Name[..32], "N", out var id))
            {
                yield return (id, file);
            }
        }
    }

    public void Delete(Guid recordingId)
    {
        var path = Path.Combine(Root, FileNameFor(recordingId));
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.upload\\z")]
    private static partial Regex StagedName();
}
