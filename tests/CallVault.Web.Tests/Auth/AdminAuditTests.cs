using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Auth;

public sealed class AdminAuditTests
{
    [Fact]
    public async Task AdminActions_AreAuditedWithWhoWhatWhereAndOutcome_ReadsAreNot()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);
        var viewerKey = await ApiKeyTests.CreateKeyAsync(host.Api, "reader", "viewer");
        using var viewer = ApiKeyTests.Client(host, viewerKey);
        using var refused = await viewer.PostAsJsonAsync("/api/reconciliations", new { });
        using var anonymous = await host.Anonymous.PostAsJsonAsync("/api/keys", new { name = "x", role = "admin" });
        using var viewerRead = await viewer.GetAsync("/api/audit");
        using var revoke = await host.Api.DeleteAsync("/api/keys/reader");
        using var read = await host.Api.GetAsync("/api/keys");

        var page = await host.Api.GetFromJsonAsync<JsonElement>("/api/audit");
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal("DELETE /api/keys/{name}", items[0].GetProperty("action").GetString());
        Assert.Equal("apikey:bootstrap-admin", items[0].GetProperty("actor").GetString());
        Assert.Equal("name=reader", items[0].GetProperty("target").GetString());
        Assert.Equal(204, items[0].GetProperty("statusCode").GetInt32());
        Assert.Equal("127.0.0.1", items[0].GetProperty("clientAddress").GetString());
        Assert.Equal("POST /api/reconciliations/", items[1].GetProperty("action").GetString());
        Assert.Equal("apikey:reader", items[1].GetProperty("actor").GetString());
        Assert.Equal(403, items[1].GetProperty("statusCode").GetInt32());
        Assert.Equal("POST /api/keys/", items[2].GetProperty("action").GetString());
        Assert.Equal(201, items[2].GetProperty("statusCode").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerRead.StatusCode);
    }

    [Fact]
    public async Task AuditList_Paging_VisitsEveryEntryOnce()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);
        for (var i = 0; i < 5; i++)
        {
            await ApiKeyTests.CreateKeyAsync(host.Api, "k" + i, "viewer");
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await host.Api.GetFromJsonAsync<JsonElement>($"/api/audit?limit=2{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.OrderByDescending(x => x), seen);
    }
}
