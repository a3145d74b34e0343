using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Reconciliations;

/// <summary>Starts and follows reconciliations through the public API, as an admin would.</summary>
internal static class ReconciliationApi
{
    public static async Task<JsonElement> StartAsync(HttpClient api, object body)
    {
        using var response = await api.PostAsJsonAsync("/api/reconciliations", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/reconciliations/{started.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("running", started.GetProperty("status").GetString());
        return started;
    }

    public static Task<JsonElement> GetAsync(HttpClient api, string id) => api.GetFromJsonAsync<JsonElement>($"/api/reconciliations/{id}");

    public static Task<JsonElement> WaitFinishedAsync(HttpClient api, string id, TimeSpan timeout) =>
        Eventually.WaitAsync(() => GetAsync(api, id), r => r.GetProperty("status").GetString() != "running", timeout, $"reconciliation {id} to finish");

    /// <summary>Starts a run and waits for it; asserts it completed.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient api, object body, TimeSpan timeout)
    {
        var started = await StartAsync(api, body);
        var finished = await WaitFinishedAsync(api, started.GetProperty("id").GetString()!, timeout);
        Assert.True(finished.GetProperty("status").GetString() == "completed", $"the reconciliation completed: {finished}");
        return finished;
    }

    public static int Count(this JsonElement run, string name) => run.GetProperty(name).GetInt32();

    /// <summary>The counts the SPEC names, in its order.</summary>
    public static (int MissingMetadata, int OrphanObjects, int MissingObjects, int ChecksumMismatches, int Repaired, int DeletedOrphans) Counts(JsonElement run) => (
        run.Count("missingMetadata"), run.Count("orphanObjects"), run.Count("missingObjects"), run.Count("checksumMismatches"), run.Count("repaired"), run.Count("deletedOrphans"));
}
