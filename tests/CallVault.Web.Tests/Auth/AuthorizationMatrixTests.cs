using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CallVault.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Web.Tests.Auth;

/// <summary>
/// Every endpoint the application itself maps is called as anonymous, viewer and admin (by API key
/// and by dashboard cookie) and must behave as <see cref="AccessMatrix"/> says; a route the table
/// does not know fails the test.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private const string TestRoutePrefix = "/test/";

    [Fact]
    public async Task EveryEndpoint_AnonymousViewerAdmin_GetExactlyTheirAccess()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null, Settings(), mapExtra: SignInEndpoint.Map);
        var routes = Routes(host.Services);
        var undeclared = routes.Where(r => !AccessMatrix.Expected.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(undeclared.Count == 0, "Routes with no expectation in AccessMatrix (add them):\n" + string.Join('\n', undeclared));
        Assert.True(routes.Count >= 30, $"only {routes.Count} routes found: the endpoint data was not read");

        var callers = await CallersAsync(host);
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var rule = AccessMatrix.Expected[route.Key];
            foreach (var caller in callers)
            {
                if (caller.ViaKey && rule is AccessRule.ViewerPage or AccessRule.AdminPage)
                {
                    continue; // Pages are for browsers.
                }

                var (status, location) = await SendAsync(caller.Client, route.Method, route.Path);
                if (Verdict(rule, caller.Role, status, location) is { } wrong)
                {
                    failures.Add($"{route.Key} as {caller.Name}: {(int)status} {location} — {wrong}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        foreach (var caller in callers)
        {
            caller.Client.Dispose();
        }
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        // Twilio configured, so unsigned callbacks are refused for their signature (not for missing settings).
        ["CallVault:Twilio:AccountSid"] = "AC" + new string('1', 32),
        ["CallVault:Twilio:AuthToken"] = new string('2', 32),
    };

    private static string? Verdict(AccessRule rule, string? role, HttpStatusCode status, string? location)
    {
        var code = (int)status;
        var toSignIn = status == HttpStatusCode.Redirect && location is not null
            && new Uri(new Uri("http://host/"), location).AbsolutePath == "/signin";
        var granted = code is not (401 or 403) && !toSignIn && code < 500;
        return rule switch
        {
            AccessRule.Public => granted ? null : "should be open to everyone",
            AccessRule.SignedWebhook => code is 403 or 503 or 400 ? null : "an unsigned webhook must be refused whoever calls",
            AccessRule.SignedUrl => code == 403 ? null : "a bogus signed URL must be refused whoever calls",
            AccessRule.Viewer or AccessRule.Admin when role is null => code == 401 ? null : "anonymous API calls must get 401",
            AccessRule.ViewerPage or AccessRule.AdminPage when role is null => toSignIn ? null : "anonymous page requests must be redirected to /signin",
            AccessRule.Admin or AccessRule.AdminPage when role == "viewer" => code == 403 ? null : "a viewer must get 403",
            _ => granted ? null : $"{role} should be let in",
        };
    }

    private static async Task<(HttpStatusCode Status, string? Location)> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        // Headers only: an event stream would never end. One that sends no headers for long has let the caller in.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (HttpStatusCode.OK, "(stream open)");
        }
    }

    internal sealed record Route(string Key, string Method, string Path);

    private sealed record Caller(string Name, string? Role, bool ViaKey, HttpClient Client);

    internal static List<Route> Routes(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<Route>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (pattern.StartsWith(TestRoutePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != HttpMethods.Head && m != HttpMethods.Options))
            {
                routes.Add(new Route($"{method} {pattern}", method, Fill(pattern)));
            }
        }

        return [.. routes.DistinctBy(r => r.Key)];
    }

    /// <summary>Route parameters get harmless values: an unknown id, a name nobody has.</summary>
    private static string Fill(string pattern) => Parameter().Replace(pattern, m => m.Groups["name"].Value switch
    {
        "id" => Guid.NewGuid().ToString(),
        "number" => "+15550001111",
        "token" => "bogus-token",
        "documentName" => "v1",
        "name" => "nobody",
        _ => "x",
    });

    private static async Task<List<Caller>> CallersAsync(CallVaultTestHost host)
    {
        var viewerKey = await ApiKeyTests.CreateKeyAsync(host.Api, "matrix-viewer", "viewer");
        var adminKey = await ApiKeyTests.CreateKeyAsync(host.Api, "matrix-admin", "admin");
        await host.CreateUserAsync("matrix-viewer", "viewer");
        await host.CreateUserAsync("matrix-admin", "admin");
        var viewerCookie = SignInEndpoint.Browser(host);
        var adminCookie = SignInEndpoint.Browser(host);
        Assert.Equal("Succeeded", await SignInEndpoint.SignInAsync(viewerCookie, "matrix-viewer"));
        Assert.Equal("Succeeded", await SignInEndpoint.SignInAsync(adminCookie, "matrix-admin"));
        var anonymous = SignInEndpoint.Browser(host);
        return
        [
            new("anonymous", null, false, anonymous),
            new("viewer key", "viewer", true, ApiKeyTests.Client(host, viewerKey)),
            new("admin key", "admin", true, ApiKeyTests.Client(host, adminKey)),
            new("viewer cookie", "viewer", false, viewerCookie),
            new("admin cookie", "admin", false, adminCookie),
        ];
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
