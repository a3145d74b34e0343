using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<CallVaultDbContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (options.IsPostgres)
            {
                builder.UseNpgsql(options.ConnectionString);
                return;
            }

            // SQLite only: the lock wait belongs to SQLite itself (PostgreSQL has row locks).
            builder.UseSqlite(SqliteConnectionFactory.Prepare(options))
                .AddInterceptors(new SqliteConnectionSetup(options.BusyTimeoutSeconds), sp.GetRequiredService<SqliteWriteGate>());
        });
        // One per database this process writes: SQLite allows one writer at a time.
        services.TryAddSingleton(sp => new SqliteWriteGate(TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.BusyTimeoutSeconds)));
        services.TryAddSingleton<SqliteCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddSingleton<Scheduling.ScheduledWorkLease>();
        return services;
    }
}
