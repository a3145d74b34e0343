using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Storage;

/// <summary>The provider setting picks the store; S3 settings are required (and named) only for <c>s3</c>.</summary>
public sealed class StorageRegistrationTests
{
    private const string Secret = "do-not-print-this-secret";

    [Fact]
    public async Task AddRecordingStorage_ProviderS3_RegistersAWorkingS3Store()
    {
        var server = await S3TestServer.GetAsync();
        var bucket = server.NewBucketOptions();
        await using var t = await TestServices.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Storage:Provider"] = "s3",
            ["CallVault:Storage:S3:ServiceUrl"] = bucket.ServiceUrl,
            ["CallVault:Storage:S3:Bucket"] = bucket.Bucket,
            ["CallVault:Storage:S3:AccessKey"] = bucket.AccessKey,
            ["CallVault:Storage:S3:SecretKey"] = bucket.SecretKey,
            ["CallVault:Storage:S3:ForcePathStyle"] = "true",
            ["CallVault:Storage:S3:ChunkedUploads"] = "false",
            ["CallVault:Storage:S3:AutoCreateBucket"] = "true",
        });

        var storage = t.Storage;
        await storage.CheckWritableAsync(t.Token);
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(10_000);
        var stored = await storage.PutAsync(key, source, t.Token);

        Assert.IsType<S3RecordingStorage>(storage);
        Assert.Equal("s3", storage.Name);
        Assert.Same(storage, t.Storage);
        Assert.Equal(source.Sha256, stored.Sha256);
    }

    [Theory]
    [InlineData("ServiceUrl", "CallVault:Storage:S3:ServiceUrl is required when CallVault:Storage:Provider is s3")]
    [InlineData("Bucket", "CallVault:Storage:S3:Bucket is required when CallVault:Storage:Provider is s3")]
    [InlineData("AccessKey", "CallVault:Storage:S3:AccessKey is required when CallVault:Storage:Provider is s3")]
    [InlineData("SecretKey", "CallVault:Storage:S3:SecretKey is required when CallVault:Storage:Provider is s3")]
    public async Task Options_ProviderS3WithoutARequiredSetting_FailNamingTheKey(string missing, string expected)
    {
        var settings = CompleteS3Settings();
        settings[$"CallVault:Storage:S3:{missing}"] = null;
        await using var t = await TestServices.StartAsync(settings, migrate: false);

        var error = Assert.Throws<OptionsValidationException>(() => t.Storage);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CallVault:Storage:S3:ServiceUrl", "not a url", "CallVault:Storage:S3:ServiceUrl must be an absolute http:// or https:// URL")]
    [InlineData("CallVault:Storage:S3:ServiceUrl", "ftp://127.0.0.1/", "CallVault:Storage:S3:ServiceUrl must be an absolute http:// or https:// URL")]
    [InlineData("CallVault:Storage:S3:PartSizeMegabytes", "4", "CallVault:Storage:S3:PartSizeMegabytes must be between 5 and 512")]
    [InlineData("CallVault:Storage:Provider", "ftp", "CallVault:Storage:Provider must be 'disk' or 's3'")]
    public async Task Options_InvalidValue_FailNamingTheKey(string key, string value, string expected)
    {
        var settings = CompleteS3Settings();
        settings[key] = value;
        await using var t = await TestServices.StartAsync(settings, migrate: false);

        var error = Assert.Throws<OptionsValidationException>(() => t.Storage);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ProviderDiskWithoutS3Settings_AreValidAndGiveTheDiskStore()
    {
        await using var t = await TestServices.StartAsync(migrate: false);

        var options = t.Get<IOptions<StorageOptions>>().Value;

        Assert.IsType<DiskRecordingStorage>(t.Storage);
        Assert.True(options.S3.ChunkedUploads);
        Assert.Equal(8, options.S3.PartSizeMegabytes);
        Assert.Equal("us-east-1", options.S3.Region);
        Assert.False(options.S3.AutoCreateBucket);
    }

    private static Dictionary<string, string?> CompleteS3Settings() => new()
    {
        ["CallVault:Storage:Provider"] = "s3",
        ["CallVault:Storage:S3:ServiceUrl"] = "http://127.0.0.1:9/",
        ["CallVault:Storage:S3:Bucket"] = "callvault",
        ["CallVault:Storage:S3:AccessKey"] = "access",
        ["CallVault:Storage:S3:SecretKey"] = Secret,
    };
}
