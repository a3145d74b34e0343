using System.Net.Http.Headers;

namespace CallVault.Web.Tests.Uploads;

/// <summary>Builds the multipart body of <c>POST /api/recordings</c>; the file part streams from whatever it is given.</summary>
internal static class UploadForm
{
    public static Dictionary<string, string> Fields(string providerRecordingId, string providerCallId = "CA-upload-1") => new()
    {
        ["provider"] = "sip-recorder",
        ["providerRecordingId"] = providerRecordingId,
        ["providerCallId"] = providerCallId,
        ["from"] = "(415) 555-0100",
        ["to"] = "+14155550199",
        ["direction"] = "inbound",
        ["startedAt"] = "2026-01-15T10:30:00Z",
        ["agentChannel"] = "2",
    };

    public static MultipartFormDataContent Create(IReadOnlyDictionary<string, string> fields, HttpContent? file)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            form.Add(file, "file", "call.wav");
        }

        return form;
    }

    public static MultipartFormDataContent Create(IReadOnlyDictionary<string, string> fields, byte[] file) =>
        Create(fields, new ByteArrayContent(file));
}
