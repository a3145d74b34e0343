using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The store named by <c>CallVault:Storage:Provider</c> (<c>disk</c> or <c>s3</c>) as the one <see cref="IRecordingStorage"/>.</summary>
    public static IServiceCollection AddRecordingStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiskRecordingStorage>();
        services.TryAddSingleton<S3RecordingStorage>();
        services.TryAddSingleton<IRecordingStorage>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == "s3"
                ? sp.GetRequiredService<S3RecordingStorage>()
                : sp.GetRequiredService<DiskRecordingStorage>());
        services.TryAddSingleton<TempFiles>();
        return services;
    }
}
