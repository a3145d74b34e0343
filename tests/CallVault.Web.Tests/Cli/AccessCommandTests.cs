using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Web.Tests.Auth;
using CallVault.Web.Tests.Imports;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Cli;

public sealed class AccessCommandTests
{
    [Fact]
    public async Task KeysCreateAndRevoke_KeyPrintedOnLastLineWorksUntilRevoked()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null, mapExtra: SignInEndpoint.Map);
        var settings = CallVaultTestHost.DefaultSettings(host.DataDirectory, null);

        var created = await CliProcess.RunAsync(settings, "keys", "create", "--role", "viewer", "--name", "cli-reader");
        var key = created.StandardOutput.TrimEnd().Split('\n')[^1].Trim();
        using var client = ApiKeyTests.Client(host, key);
        using var before = await client.GetAsync("/api/calls");
        var duplicate = await CliProcess.RunAsync(settings, "keys", "create", "--role", "admin", "--name", "cli-reader");
        var badRole = await CliProcess.RunAsync(settings, "keys", "create", "--role", "owner", "--name", "x");
        var revoked = await CliProcess.RunAsync(settings, "keys", "revoke", "cli-reader");
        using var after = await client.GetAsync("/api/calls");
        var audit = await host.Api.GetFromJsonAsync<JsonElement>("/api/audit");

        Assert.True(created.ExitCode == 0, created.StandardError);
        Assert.StartsWith("cvk_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(["keys revoke", "keys create"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task UsersAdd_PasswordFromStdin_UserCanSignIn()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null, mapExtra: SignInEndpoint.Map);
        var settings = CallVaultTestHost.DefaultSettings(host.DataDirectory, null);
        const string password = "a long enough passphrase";

        var added = await CliProcess.RunWithInputAsync(settings, password + "\n", "users", "add", "--name", "frank", "--role", "admin");
        var tooShort = await CliProcess.RunWithInputAsync(settings, "short\n", "users", "add", "--name", "gina", "--role", "viewer");
        using var browser = SignInEndpoint.Browser(host);
        var outcome = await SignInEndpoint.SignInAsync(browser, "frank", password);
        using var admin = await browser.GetAsync("/api/keys");

        Assert.True(added.ExitCode == 0, added.StandardError);
        Assert.DoesNotContain(password, added.StandardOutput + added.StandardError, StringComparison.Ordinal);
        Assert.NotEqual(0, tooShort.ExitCode);
        Assert.Equal("Succeeded", outcome);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}
