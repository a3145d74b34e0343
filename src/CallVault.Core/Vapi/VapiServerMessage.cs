using System.Text;
using System.Text.Json;

namespace CallVault.Core.Vapi;

/// <summary>
/// A Vapi server message, <c>{"message": {"type": …, …}}</c>. Only <c>end-of-call-report</c> is read
/// in full; any other type is known by its name alone.
/// </summary>
public sealed record VapiServerMessage(string? Type, VapiEndOfCallReport? EndOfCallReport)
{
    private const int MaxCallIdLength = 128;
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static bool TryParse(ReadOnlyMemory<byte> json, out VapiServerMessage? message, out string? error)
    {
        message = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException)
        {
            error = "the body is not valid JSON";
            return false;
        }

        using (document)
        {
            if (VapiJson.Object(document.RootElement, "message") is not { } body)
            {
                error = "the body has no 'message' object";
                return false;
            }

            var type = VapiJson.Text(body, "type");
            if (type != VapiEndOfCallReport.MessageType)
            {
                message = new VapiServerMessage(type, null);
                error = null;
                return true;
            }

            if (!TryReadCallId(body, out var callId, out error))
            {
                return false;
            }

            message = new VapiServerMessage(type, ReadReport(body, callId!));
            return true;
        }
    }

    private static bool TryReadCallId(JsonElement body, out string? callId, out string? error)
    {
        callId = VapiJson.Text(body, "call", "id");
        if (callId is null || string.IsNullOrWhiteSpace(callId))
        {
            error = "message.call.id is missing";
            return false;
        }

        if (callId.Length > MaxCallIdLength || callId.Any(char.IsControl))
        {
            error = "message.call.id is not a valid call id";
            return false;
        }

        error = null;
        return true;
    }

    private static VapiEndOfCallReport ReadReport(JsonElement body, string callId)
    {
        var startedAt = VapiJson.Date(body, "startedAt") ?? VapiJson.Date(body, "call", "startedAt");
        var endedAt = VapiJson.Date(body, "endedAt") ?? VapiJson.Date(body, "call", "endedAt");
        var duration = VapiJson.Number(body, "durationSeconds")
            ?? (startedAt is { } s && endedAt is { } e && e >= s ? (e - s).TotalSeconds : null);
        var messages = ReadMessages(body);
        return new VapiEndOfCallReport(
            callId,
            VapiJson.Text(body, "call", "type"),
            VapiJson.Text(body, "call", "status"),
            VapiJson.Text(body, "call", "phoneCallProviderId"),
            VapiJson.Text(body, "customer", "number") ?? VapiJson.Text(body, "call", "customer", "number"),
            VapiJson.Text(body, "phoneNumber", "number") ?? VapiJson.Text(body, "phoneNumber"),
            startedAt,
            endedAt,
            duration,
            VapiJson.Text(body, "endedReason") ?? VapiJson.Text(body, "call", "endedReason"),
            VapiJson.Text(body, "artifact", "transcript") ?? VapiJson.Text(body, "transcript") ?? TranscriptFrom(messages),
            messages,
            VapiJson.Text(body, "analysis", "summary") ?? VapiJson.Text(body, "summary"),
            VapiRecordingUrl.Choose(body));
    }

    private static List<VapiArtifactMessage> ReadMessages(JsonElement body)
    {
        var messages = new List<VapiArtifactMessage>();
        if (VapiJson.Array(body, "artifact", "messages") is not { } array)
        {
            return messages;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                messages.Add(new VapiArtifactMessage(
                    VapiJson.Text(item, "role"),
                    VapiJson.Text(item, "message"),
                    VapiJson.Number(item, "secondsFromStart")));
            }
        }

        return messages;
    }

    /// <summary>When the report has no transcript text, the spoken messages make one (<c>AI: …</c> / <c>User: …</c> lines).</summary>
    private static string? TranscriptFrom(List<VapiArtifactMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var m in messages.Where(m => m.Text is not null))
        {
            var speaker = m.Role switch
            {
                "bot" or "assistant" => "AI",
                "user" => "User",
                _ => null,
            };
            if (speaker is not null)
            {
                text.Append(speaker).Append(": ").Append(m.Text).Append('\n');
            }
        }

        return text.Length == 0 ? null : text.ToString().TrimEnd('\n');
    }
}
