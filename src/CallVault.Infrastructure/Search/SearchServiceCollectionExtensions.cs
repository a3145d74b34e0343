using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Full-text search of calls by what was said: SQLite FTS5, or a PostgreSQL tsvector, after the database in use.</summary>
    public static IServiceCollection AddCallSearch(this IServiceCollection services)
    {
        services.TryAddSingleton(SearchWindow.Default);
        services.TryAddSingleton<ICallTextSearch>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? new PostgresCallTextSearch(sp.GetRequiredService<SearchWindow>())
            : new SqliteCallTextSearch(sp.GetRequiredService<SearchWindow>()));
        return services;
    }
}
