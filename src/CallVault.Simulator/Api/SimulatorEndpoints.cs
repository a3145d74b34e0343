using System.Security.Cryptography;
using System.Text;
using CallVault.Simulator.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Simulator.Api;

/// <summary>
/// Maps Twilio's REST paths under <c>/2010-04-01/Accounts/{AccountSid}/</c>. Every route requires HTTP Basic
/// <c>AccountSid:AuthToken</c> (401 otherwise); a different account in the path answers 404.
/// </summary>
internal static class SimulatorEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var account = app.MapGroup($"/{SimulatorState.ApiVersion}/Accounts/{{accountSid}}");
        account.MapGet("/Recordings.json", Guard(state, RecordingListHandler.ListAsync));
        account.MapMethods("/Recordings/{name}", [HttpMethods.Get, HttpMethods.Head], Guard(state, RecordingHandlers.GetAsync));
        account.MapDelete("/Recordings/{name}", Guard(state, RecordingHandlers.DeleteAsync));
        account.MapGet("/Calls.json", Guard(state, CallHandlers.ListAsync));
        account.MapGet("/Calls/{name}", Guard(state, CallHandlers.GetAsync));
        account.MapPost("/Calls/{callSid}/Recordings.json", Guard(state, CallHandlers.StartRecordingAsync));
        // Also paths ending in ".json": the default fallback pattern skips anything that looks like a file.
        app.MapFallback("{**path}", new RequestDelegate(TwilioResponses.NotFoundAsync));
    }

    private static RequestDelegate Guard(SimulatorState state, Func<HttpContext, SimulatorState, Task> handler) =>
        context =>
        {
            if (!IsAuthorized(context.Request, state))
            {
                state.Stats.Unauthorize();
                return TwilioResponses.UnauthorizedAsync(context);
            }

            if (!string.Equals(context.Request.RouteValues["accountSid"] as string, state.AccountSid, StringComparison.Ordinal))
            {
                return TwilioResponses.NotFoundAsync(context);
            }

            return handler(context, state);
        };

    private static bool IsAuthorized(HttpRequest request, SimulatorState state)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = state.AccountSid + ":" + state.AuthToken;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded), Encoding.UTF8.GetBytes(expected));
    }
}
