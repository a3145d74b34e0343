namespace CallVault.Web.Tests.Auth;

/// <summary>
/// The one table of expected access, keyed by "METHOD route-pattern" exactly as the endpoint data
/// shows it. A route missing here fails <see cref="AuthorizationMatrixTests"/>, which prints the lines to add.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyDictionary<string, AccessRule> Expected = new Dictionary<string, AccessRule>
    {
        ["GET /healthz"] = AccessRule.Public,
        ["GET /readyz"] = AccessRule.Public,
        ["GET /metrics"] = AccessRule.Public,
        ["GET /openapi/{documentName}.json"] = AccessRule.Public,

        ["POST /webhooks/twilio/recording"] = AccessRule.SignedWebhook,
        ["POST /webhooks/twilio/call-status"] = AccessRule.SignedWebhook,
        ["POST /webhooks/twilio/voice"] = AccessRule.SignedWebhook,
        ["POST /webhooks/vapi"] = AccessRule.SignedWebhook,

        ["GET /playback/{token}"] = AccessRule.SignedUrl,

        // Dashboard: pages and their assets.
        ["GET /signin"] = AccessRule.Public,
        ["GET /signout"] = AccessRule.Public,
        ["GET /assets/{name}"] = AccessRule.Public,
        ["GET /"] = AccessRule.ViewerPage,
        ["GET /Calls"] = AccessRule.ViewerPage,
        ["GET /Calls/Index"] = AccessRule.ViewerPage,
        ["GET /calls/{id:guid}"] = AccessRule.ViewerPage,
        ["GET /leads/{number?}"] = AccessRule.ViewerPage,
        ["GET /operations"] = AccessRule.ViewerPage,
        ["GET /api/recordings/{id:guid}/waveform"] = AccessRule.Viewer,
        ["GET /api/events"] = AccessRule.Viewer,

        ["GET /api/calls/"] = AccessRule.Viewer,
        ["GET /api/calls/{id:guid}"] = AccessRule.Viewer,
        ["POST /api/calls/{id:guid}/start-recording"] = AccessRule.Admin,
        ["GET /api/phones/{number}/calls"] = AccessRule.Viewer,
        ["GET /api/recordings/"] = AccessRule.Viewer,
        ["GET /api/recordings/{id:guid}"] = AccessRule.Viewer,
        ["GET /api/recordings/{id:guid}/audio"] = AccessRule.Viewer,
        ["GET /api/recordings/{id:guid}/playback"] = AccessRule.Viewer,
        ["POST /api/recordings/"] = AccessRule.Admin,
        ["POST /api/recordings/{id:guid}/retry"] = AccessRule.Admin,
        ["POST /api/recordings/rematch"] = AccessRule.Admin,
        ["GET /api/recordings/{id:guid}/downloads"] = AccessRule.Admin,
        ["PUT /api/recordings/{id:guid}/legal-hold"] = AccessRule.Admin,
        ["DELETE /api/recordings/{id:guid}/legal-hold"] = AccessRule.Admin,
        ["GET /api/reports/completeness"] = AccessRule.Viewer,
        ["GET /api/alerts/"] = AccessRule.Viewer,
        ["POST /api/imports/"] = AccessRule.Admin,
        ["GET /api/imports/"] = AccessRule.Admin,
        ["GET /api/imports/{id:guid}"] = AccessRule.Admin,
        ["POST /api/reconciliations/"] = AccessRule.Admin,
        ["GET /api/reconciliations/"] = AccessRule.Admin,
        ["GET /api/reconciliations/{id:guid}"] = AccessRule.Admin,
        ["POST /api/keys/"] = AccessRule.Admin,
        ["GET /api/keys/"] = AccessRule.Admin,
        ["DELETE /api/keys/{name}"] = AccessRule.Admin,
        ["POST /api/users/"] = AccessRule.Admin,
        ["GET /api/users/"] = AccessRule.Admin,
        ["DELETE /api/users/{name}"] = AccessRule.Admin,
        ["GET /api/audit"] = AccessRule.Admin,
    };
}
