using System.Security.Cryptography;
using CallVault.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// Secrets the service makes for itself (e.g. the playback signing key): generated once, stored in
/// the database so every instance uses the same one, cached after the first read.
/// </summary>
public sealed class ServiceSecretStore(IDbContextFactory<CallVaultDbContext> contextFactory, TimeProvider time)
{
    private readonly Dictionary<string, byte[]> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(name, out var cached))
            {
                return cached;
            }

            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var candidate = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            // First writer wins; everyone then reads the same value.
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ServiceSecrets" ("Name", "Value", "CreatedAt") VALUES ({name}, {candidate}, {time.GetUtcNow().UtcDateTime}) ON CONFLICT ("Name") DO NOTHING""",
                cancellationToken);
            var stored = await db.Set<ServiceSecret>().Where(s => s.Name == name).Select(s => s.Value).SingleAsync(cancellationToken);
            var value = Convert.FromBase64String(stored);
            _cache[name] = value;
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
