using CallVault.Simulator.Internal;
using Microsoft.AspNetCore.Http;

namespace CallVault.Simulator.Api;

/// <summary><c>GET|HEAD|DELETE Recordings/{RE}[.json|.wav|.mp3]</c>.</summary>
internal static class RecordingHandlers
{
    public static Task GetAsync(HttpContext context, SimulatorState state)
    {
        var name = ResourceName.Parse(context.Request.RouteValues["name"] as string);
        if (name.Extension != "json")
        {
            return MediaHandler.ServeAsync(context, state, name);
        }

        state.Stats.MetadataRequest();
        var recording = state.FindRecording(name.Sid);
        return recording is null
            ? TwilioResponses.NotFoundAsync(context)
            : TwilioResponses.WriteJsonAsync(context, StatusCodes.Status200OK, TwilioJson.Recording(recording, state));
    }

    /// <summary>204 once; afterwards media and metadata answer 404. Only completed recordings can be deleted.</summary>
    public static Task DeleteAsync(HttpContext context, SimulatorState state)
    {
        var name = ResourceName.Parse(context.Request.RouteValues["name"] as string);
        var recording = name.Extension is "json" or "" ? state.FindRecording(name.Sid) : null;
        if (recording is null)
        {
            return TwilioResponses.NotFoundAsync(context);
        }

        if (recording.Status != "completed")
        {
            return TwilioResponses.BadRequestAsync(context, TwilioResponses.InvalidParameterCode,
                "Cannot delete a recording that is not completed");
        }

        if (state.Faults.RollDeleteError() is { } injected)
        {
            state.Stats.ServerErrorInjected();
            return TwilioResponses.InjectedErrorAsync(context, injected, retryAfter: false);
        }

        if (recording.MarkDeleted())
        {
            state.Stats.Delete();
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
