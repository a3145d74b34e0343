namespace CallVault.Bench.Scenarios.Queries;

/// <summary>The database the query benchmark fills and the CallVault child queries: SQLite (a file in the data folder) or PostgreSQL.</summary>
internal interface IQueryDatabase
{
    /// <summary>"SQLite" or "PostgreSQL", as the report names it.</summary>
    string Name { get; }

    /// <summary>Whether a database is already there (reused when its sample file is there too).</summary>
    bool Exists { get; }

    /// <summary>Points the child's settings at this database.</summary>
    void Apply(IDictionary<string, string?> settings);

    /// <summary>Starts over: an empty database (a half-written one from an interrupted run is discarded).</summary>
    Task CreateEmptyAsync(CancellationToken cancellationToken);

    /// <summary>The product's migrator; returns how many scripts it applied.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken);

    ICorpusSink OpenWriter();

    Task<bool> HasFullTextSearchAsync(CancellationToken cancellationToken);

    Task<long> SizeAsync(DirectoryInfo work, CancellationToken cancellationToken);

    void ClearPools();

    Task DeleteAsync();
}
