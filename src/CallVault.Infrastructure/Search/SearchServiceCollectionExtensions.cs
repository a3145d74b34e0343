using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Full-text search of calls by what was said (SQLite FTS5).</summary>
    public static IServiceCollection AddCallSearch(this IServiceCollection services)
    {
        services.TryAddSingleton<ICallTextSearch, SqliteCallTextSearch>();
        return services;
    }
}
