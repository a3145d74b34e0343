using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Auth;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task CreateKey_AsAdmin_KeyWorksWithItsRoleAndIsListedWithoutSecret()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        var key = await CreateKeyAsync(host.Api, "dashboard-reader", "viewer");
        using var viewer = Client(host, key);
        using var read = await viewer.GetAsync("/api/calls");
        using var write = await viewer.PostAsJsonAsync("/api/reconciliations", new { });
        var listText = await host.Api.GetStringAsync("/api/keys");
        var listed = JsonSerializer.Deserialize<JsonElement>(listText).EnumerateArray().Single();

        Assert.StartsWith("cvk_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("dashboard-reader", listed.GetProperty("name").GetString());
        Assert.Equal(key.Substring(4, 8), listed.GetProperty("prefix").GetString());
        Assert.Equal("viewer", listed.GetProperty("role").GetString());
        Assert.DoesNotContain(key[13..], listText, StringComparison.Ordinal);
        Assert.False(listed.TryGetProperty("hash", out _));
    }

    [Fact]
    public async Task RevokedKey_StopsWorkingAtOnce()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);
        var key = await CreateKeyAsync(host.Api, "ops-script", "admin");
        using var client = Client(host, key);
        using var before = await client.GetAsync("/api/keys");

        using var revoke = await host.Api.DeleteAsync("/api/keys/ops-script");
        using var after = await client.GetAsync("/api/keys");
        using var again = await host.Api.DeleteAsync("/api/keys/ops-script");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task ViewerKey_CannotMintKeysOrRevokeThem()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);
        var viewerKey = await CreateKeyAsync(host.Api, "reader", "viewer");
        using var viewer = Client(host, viewerKey);

        using var mint = await viewer.PostAsJsonAsync("/api/keys", new { name = "escalated", role = "admin" });
        using var revoke = await viewer.DeleteAsync("/api/keys/reader");
        using var list = await viewer.GetAsync("/api/keys");
        var names = (await host.Api.GetFromJsonAsync<JsonElement>("/api/keys")).EnumerateArray().Select(k => k.GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(["reader"], names);
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"role\":\"owner\"}")]
    [InlineData("{\"name\":\"../etc\",\"role\":\"admin\"}")]
    [InlineData("{\"role\":\"admin\"}")]
    [InlineData("not json")]
    public async Task CreateKey_BadRequest_Is400AndCreatesNothing(string body)
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        using var response = await host.Api.PostAsync("/api/keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var keys = await host.Api.GetFromJsonAsync<JsonElement>("/api/keys");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, keys.GetArrayLength());
    }

    [Fact]
    public async Task CreateKey_NameTaken_Is409()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);
        await CreateKeyAsync(host.Api, "twice", "viewer");

        using var second = await host.Api.PostAsJsonAsync("/api/keys", new { name = "TWICE", role = "viewer" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Key_Used_RecordsLastUsedTime()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);
        var key = await CreateKeyAsync(host.Api, "poller", "viewer");
        using var client = Client(host, key);

        var unused = (await host.Api.GetFromJsonAsync<JsonElement>("/api/keys"))[0].GetProperty("lastUsedAt");
        for (var i = 0; i < 3; i++)
        {
            using var _ = await client.GetAsync("/api/calls");
        }

        var used = (await host.Api.GetFromJsonAsync<JsonElement>("/api/keys"))[0].GetProperty("lastUsedAt");

        Assert.Equal(JsonValueKind.Null, unused.ValueKind);
        Assert.InRange(used.GetDateTime(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    internal static async Task<string> CreateKeyAsync(HttpClient admin, string name, string role)
    {
        using var response = await admin.PostAsJsonAsync("/api/keys", new { name, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    internal static HttpClient Client(CallVaultTestHost host, string key) =>
        new() { BaseAddress = host.BaseUrl, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };
}
