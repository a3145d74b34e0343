using System.Globalization;
using CallVault.Simulator.Internal;
using Microsoft.AspNetCore.Http;

namespace CallVault.Simulator.Api;

/// <summary>
/// <c>GET|HEAD Recordings/{RE}[.wav]</c>: streams the WAV with Content-Length, honours a single <c>Range</c>,
/// <c>RequestedChannels</c>, and the configured faults (not-ready 404, 5xx, truncation, slow bodies).
/// <c>.mp3</c> answers 415: the simulator only has PCM.
/// </summary>
internal static class MediaHandler
{
    public static async Task ServeAsync(HttpContext context, SimulatorState state, ResourceName name)
    {
        state.Stats.MediaRequest();
        var recording = state.FindRecording(name.Sid);
        if (recording is null || name.Extension is not ("" or "wav" or "mp3"))
        {
            await TwilioResponses.NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (name.Extension == "mp3")
        {
            await TwilioResponses.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, 20415,
                "The simulator serves recordings as .wav only").ConfigureAwait(false);
            return;
        }

        var faults = state.Faults;
        if (recording.CountMediaRequest() <= faults.NotReadyFirstRequests)
        {
            state.Stats.NotFound();
            await TwilioResponses.NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (faults.RollServerError() is { } injected)
        {
            state.Stats.ServerErrorInjected();
            await TwilioResponses.InjectedErrorAsync(context, injected, retryAfter: false).ConfigureAwait(false);
            return;
        }

        if (!TryRequestedChannels(context.Request, recording, out var requested, out var channelError))
        {
            await TwilioResponses.BadRequestAsync(context, TwilioResponses.InvalidParameterCode, channelError).ConfigureAwait(false);
            return;
        }

        await WriteMediaAsync(context, state, recording, requested).ConfigureAwait(false);
    }

    private static async Task WriteMediaAsync(HttpContext context, SimulatorState state, SimulatedRecording recording, int? requested)
    {
        var response = context.Response;
        var total = recording.MediaLength(requested);
        var range = ByteRange.Parse(context.Request.Headers.Range.ToString(), total, out var unsatisfiable);
        response.Headers.AcceptRanges = "bytes";
        if (unsatisfiable)
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            response.Headers.ContentRange = "bytes */" + total.ToString(CultureInfo.InvariantCulture);
            return;
        }

        var start = range?.Start ?? 0;
        var count = range?.Length ?? total;
        response.StatusCode = range is null ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent;
        if (range is not null)
        {
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{start + count - 1}/{total}");
        }

        response.ContentType = "audio/x-wav";
        response.ContentLength = count;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var cancellationToken = context.RequestAborted;
        var truncate = state.Faults.RollTruncate();
        var delay = state.Faults.BodyDelay;
        if (delay > TimeSpan.Zero)
        {
            await response.StartAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(delay, state.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        var media = recording.OpenMedia(requested);
        await using (media.ConfigureAwait(false))
        {
            media.Seek(start, SeekOrigin.Begin);
            var limit = truncate ? count / 2 : count;
            await MediaWriter.CopyAsync(media, response.Body, limit, state, cancellationToken).ConfigureAwait(false);
            if (truncate)
            {
                // Full Content-Length was declared: cut the connection so the client sees a short body or an error.
                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                state.Stats.Truncation();
                context.Abort();
                return;
            }
        }

        state.Stats.MediaResponseCompleted();
    }

    private static bool TryRequestedChannels(HttpRequest request, SimulatedRecording recording, out int? requested, out string error)
    {
        requested = null;
        error = string.Empty;
        if (!request.Query.TryGetValue("RequestedChannels", out var values))
        {
            return true;
        }

        if (!int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var channels) || channels is not (1 or 2))
        {
            error = "RequestedChannels must be 1 or 2";
            return false;
        }

        if (channels > recording.Channels)
        {
            error = "Recording has only 1 channel: RequestedChannels=2 is not available";
            return false;
        }

        requested = channels;
        return true;
    }
}
