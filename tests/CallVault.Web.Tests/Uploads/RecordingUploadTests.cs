using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CallVault.Core.Recordings;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Uploads;

public sealed class RecordingUploadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Upload_ValidWav_IsStoredWithItsExactSha256()
    {
        await using var host = await UploadHost.StartAsync();
        var wav = SyntheticWavStream.Create(seconds: 3);

        using var response = await host.Api.PostAsync("/api/recordings", UploadForm.Create(UploadForm.Fields("up-1"), wav));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/recordings/{created.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("sip-recorder", created.GetProperty("provider").GetString());
        Assert.Equal("created", created.GetProperty("match").GetProperty("method").GetString());
        var stored = await RecordingJson.WaitForStatusAsync(host.Api, "up-1", Timeout, "stored", "failed");
        Assert.Equal("stored", stored.Status());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(wav)), stored.GetProperty("sha256").GetString());
        Assert.Equal(wav.Length, stored.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(2, stored.GetProperty("channels").GetInt32());
        Assert.Equal(2, stored.GetProperty("agentChannel").GetInt32());
        Assert.Equal(3.0, stored.GetProperty("durationSeconds").GetDouble(), 2);
        Assert.Single(host.StoredFiles());

        var call = await host.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync());
        Assert.Equal("CA-upload-1", call.ProviderCallId);
        Assert.Equal("+14155550100", call.From);
        Assert.Equal("+14155550199", call.To);
        Assert.Equal("inbound", call.Direction);
        var recording = await host.QueryAsync(db => db.Recordings.SingleAsync());
        Assert.Equal(RecordingOrigin.Upload, recording.Origin);
        Assert.Equal($"{recording.Id:N}.upload", recording.MediaUrl);
        Assert.Equal(call.Id, recording.CallId);
        var inbound = await host.QueryAsync(db => db.InboundEvents.SingleAsync());
        Assert.Equal("upload:sip-recorder:up-1", inbound.DedupeKey);
        Assert.DoesNotContain("RIFF", inbound.Body, StringComparison.Ordinal);

        // Once stored, the staged copy is no longer needed.
        await Eventually.WaitAsync(() => Task.FromResult(host.StagedFiles().Count), n => n == 0, Timeout, "the staged file to be removed");
    }

    [Fact]
    public async Task Upload_SameProviderRecordingIdTwice_Answers200WithTheExistingRecordingAndStoresNothingNew()
    {
        await using var host = await UploadHost.StartAsync();
        var wav = SyntheticWavStream.Create(seconds: 2);
        using var first = await host.Api.PostAsync("/api/recordings", UploadForm.Create(UploadForm.Fields("up-dup"), wav));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await RecordingJson.WaitForStatusAsync(host.Api, "up-dup", Timeout, "stored");

        using var second = await host.Api.PostAsync("/api/recordings", UploadForm.Create(UploadForm.Fields("up-dup"), wav));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(firstId, again.GetProperty("id").GetString());
        Assert.Equal("stored", again.Status());
        Assert.Equal(1, await host.QueryAsync(db => db.Recordings.CountAsync()));
        Assert.Equal(1, await host.QueryAsync(db => db.Jobs.CountAsync(j => j.Kind == Infrastructure.Jobs.JobKinds.ProcessRecording)));
        Assert.Single(host.StoredFiles());
        await Eventually.WaitAsync(() => Task.FromResult(host.StagedFiles().Count), n => n == 0, Timeout, "no staged file to be left");
    }

    [Fact]
    public async Task Upload_GarbageBytes_Answers422WithReasonAndKeepsNothing()
    {
        await using var host = await UploadHost.StartAsync();
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);

        using var response = await host.Api.PostAsync("/api/recordings", UploadForm.Create(UploadForm.Fields("up-garbage"), garbage));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not a WAV or MP3 file", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingKeptAsync(host);
    }

    [Theory]
    [InlineData("providerCallId")]
    [InlineData("provider")]
    [InlineData("startedAt")]
    public async Task Upload_MissingField_Answers400NamingItAndKeepsNothing(string field)
    {
        await using var host = await UploadHost.StartAsync();
        var fields = UploadForm.Fields("up-missing");
        fields.Remove(field);

        using var response = await host.Api.PostAsync("/api/recordings", UploadForm.Create(fields, SyntheticWavStream.Create(1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingKeptAsync(host);
    }

    [Theory]
    [InlineData("provider", "Sip Recorder")]
    [InlineData("providerRecordingId", "has space")]
    [InlineData("agentChannel", "3")]
    [InlineData("startedAt", "yesterday")]
    public async Task Upload_InvalidField_Answers400(string field, string value)
    {
        await using var host = await UploadHost.StartAsync();
        var fields = UploadForm.Fields("up-invalid");
        fields[field] = value;

        using var response = await host.Api.PostAsync("/api/recordings", UploadForm.Create(fields, SyntheticWavStream.Create(1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingKeptAsync(host);
    }

    [Fact]
    public async Task Upload_WithoutFilePart_Answers400()
    {
        await using var host = await UploadHost.StartAsync();

        using var response = await host.Api.PostAsync("/api/recordings", UploadForm.Create(UploadForm.Fields("up-nofile"), (HttpContent?)null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingKeptAsync(host);
    }

    [Fact]
    public async Task Upload_Anonymous_Answers401AndKeepsNothing()
    {
        await using var host = await UploadHost.StartAsync();

        using var response = await host.Anonymous.PostAsync("/api/recordings", UploadForm.Create(UploadForm.Fields("up-anon"), SyntheticWavStream.Create(1)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingKeptAsync(host);
    }

    [Fact]
    public async Task Upload_OverMaxBytes_Answers413AndKeepsNothing()
    {
        await using var host = await UploadHost.StartAsync(new Dictionary<string, string?> { ["CallVault:Upload:MaxBytes"] = "16384" });

        using var response = await host.Api.PostAsync("/api/recordings", UploadForm.Create(UploadForm.Fields("up-big"), SyntheticWavStream.Create(2)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingKeptAsync(host);
    }

    [Fact]
    public async Task Upload_NotMultipart_Answers415()
    {
        await using var host = await UploadHost.StartAsync();

        using var response = await host.Api.PostAsync("/api/recordings", new ByteArrayContent(SyntheticWavStream.Create(1)));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingKeptAsync(host);
    }

    private static async Task AssertNothingKeptAsync(CallVaultTestHost host)
    {
        Assert.Equal(0, await host.QueryAsync(db => db.Recordings.CountAsync()));
        Assert.Equal(0, await host.QueryAsync(db => db.InboundEvents.CountAsync()));
        Assert.Empty(host.StagedFiles());
        Assert.Empty(host.StoredFiles());
    }
}
