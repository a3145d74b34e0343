using CallVault.Web.Tests.Auth;
using Microsoft.EntityFrameworkCore;
using static CallVault.Web.Tests.Hostile.HostileRequests;

namespace CallVault.Web.Tests.Hostile;

/// <summary>The admin API with hostile strings in every path, query and body field: no 5xx, no key or user created.</summary>
public sealed class HostileAdminRequestTests(HostileHost server) : IClassFixture<HostileHost>
{
    private static readonly string[] QueryNames = ["phone", "from", "to", "direction", "status", "q", "cursor", "limit", "provider", "providerRecordingId", "stage", "repair"];

    private static readonly string[] BodyFields = ["name", "role", "password", "provider", "from", "to", "repair", "deleteOrphans", "orphanGraceSeconds", "hold", "reason"];

    [Fact]
    public async Task HostileStrings_EveryApiRouteAsAdmin_NoServerErrorNoKeyOrUserCreated()
    {
        var routes = ApiRoutes(server.Host.Services);

        var results = await server.SendAsync(AdminRequests(routes));

        await server.AssertNoServerErrorAndStillUpAsync(results);
        Assert.True(results.Count >= routes.Count * 2 * (HostileStrings.All.Length - 1), $"only {results.Count} requests were sent over {routes.Count} routes");
        Assert.Equal(0, await server.Host.QueryAsync(db => db.ApiKeys.CountAsync()));
        Assert.Equal(0, await server.Host.QueryAsync(db => db.DashboardUsers.CountAsync()));
    }

    private static IEnumerable<Func<HttpRequestMessage>> AdminRequests(IReadOnlyList<(string Method, string Pattern)> routes)
    {
        foreach (var (method, pattern) in routes)
        {
            foreach (var value in HostileStrings.All)
            {
                var path = FillPath(pattern, value);
                if (path is null)
                {
                    continue;
                }

                var query = string.Join('&', QueryNames.Select(n => n + "=" + Uri.EscapeDataString(value)));
                var json = "{" + string.Join(',', BodyFields.Select(f => $"\"{f}\":\"{JsonEscape(value)}\"")) + "}";
                yield return () => Admin(method, path + "?" + query, json, "application/json");
                yield return () => Admin(method, path, "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + value + "\"\r\n\r\nabc\r\n--x--", "multipart/form-data; boundary=x");
            }
        }
    }

    /// <summary>Route parameters get the hostile value (escaped), or a fresh id where the route demands a guid.</summary>
    private static string? FillPath(string pattern, string value)
    {
        var escaped = Uri.EscapeDataString(value);
        if (escaped.Length == 0 && pattern.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        return System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", m =>
            m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : escaped);
    }

    private static string JsonEscape(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();

    private static List<(string Method, string Pattern)> ApiRoutes(IServiceProvider services) =>
        [.. AuthorizationMatrixTests.Routes(services)
            .Where(r => r.Key.Split(' ')[1].StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => (r.Method, r.Key.Split(' ')[1]))];
}
