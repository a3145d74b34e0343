using System.Globalization;
using System.Net.Http.Json;
using CallVault.Core.Alerts;

namespace CallVault.Infrastructure.Alerts;

/// <summary>
/// POSTs one alert message as JSON: a Slack-compatible <c>text</c> (Slack and Mattermost incoming
/// webhooks show it as is) and the alert's fields for anything that parses it.
/// </summary>
public sealed class AlertNotifier(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "alerts";

    /// <returns>Null when the receiver answered 2xx, else a short reason (the URL is never part of it: it may hold a token).</returns>
    public async Task<string?> SendAsync(Uri webhookUrl, Alert alert, bool resolved, CancellationToken cancellationToken)
    {
        var payload = new AlertMessage(
            Text(alert, resolved),
            resolved ? "resolved" : "firing",
            alert.Id,
            alert.Rule,
            alert.Subject,
            alert.Severity.ToString().ToLowerInvariant(),
            alert.Message,
            alert.Value,
            alert.Threshold,
            alert.RaisedAt,
            resolved ? alert.ResolvedAt : null);
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(webhookUrl, payload, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"the alert webhook answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"the alert webhook could not be reached ({ex.GetType().Name})";
        }
    }

    public static string Text(Alert alert, bool resolved)
    {
        var subject = alert.Subject.Length > 0 ? $" ({alert.Subject})" : "";
        return resolved
            ? string.Create(CultureInfo.InvariantCulture, $"[CallVault] RESOLVED {alert.Rule}{subject}: back within the threshold (raised {alert.RaisedAt:yyyy-MM-dd HH:mm} UTC).")
            : string.Create(CultureInfo.InvariantCulture, $"[CallVault] {alert.Severity.ToString().ToUpperInvariant()} {alert.Rule}{subject}: {alert.Message}");
    }
}
