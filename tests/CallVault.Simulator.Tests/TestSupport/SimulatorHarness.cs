using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CallVault.Simulator.Tests.TestSupport;

/// <summary>A started simulator plus an authenticated and an anonymous HttpClient pointed at it.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private SimulatorHarness(TwilioSimulator simulator)
    {
        Simulator = simulator;
        Http = new HttpClient { BaseAddress = simulator.BaseUrl };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{simulator.AccountSid}:{simulator.AuthToken}"));
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        Anonymous = new HttpClient { BaseAddress = simulator.BaseUrl };
    }

    public TwilioSimulator Simulator { get; }

    public HttpClient Http { get; }

    public HttpClient Anonymous { get; }

    public CancellationToken Token => _timeout.Token;

    public string AccountPath => $"/2010-04-01/Accounts/{Simulator.AccountSid}";

    public static async Task<SimulatorHarness> StartAsync(SimulatorOptions? options = null) =>
        new(await TwilioSimulator.StartAsync(options ?? new SimulatorOptions { Seed = 42 }, CancellationToken.None));

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery, Token);
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery} answered {(int)response.StatusCode}");
        return await ReadJsonAsync(response, Token);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        await Simulator.DisposeAsync();
        _timeout.Dispose();
    }
}
