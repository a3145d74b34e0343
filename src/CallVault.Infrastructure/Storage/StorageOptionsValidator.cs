using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Storage;

/// <summary>Cross-field rules: the S3 settings are required only when the provider is <c>s3</c>. Messages name keys, never values.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Prefix = "CallVault:Storage:S3:";
    private const string When = " when CallVault:Storage:Provider is s3";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != "s3")
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.ServiceUrl))
        {
            failures.Add($"{Prefix}ServiceUrl is required{When}.");
        }
        else if (!Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Prefix}ServiceUrl must be an absolute http:// or https:// URL.");
        }

        Require(s3.Bucket, "Bucket", failures);
        Require(s3.Region, "Region", failures);
        Require(s3.AccessKey, "AccessKey", failures);
        Require(s3.SecretKey, "SecretKey", failures);
        if (s3.PartSizeMegabytes is < 5 or > 512)
        {
            failures.Add($"{Prefix}PartSizeMegabytes must be between 5 and 512.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Prefix}{key} is required{When}.");
        }
    }
}
