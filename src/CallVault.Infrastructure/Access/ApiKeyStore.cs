using CallVault.Core.Access;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Access;

/// <summary>Issues, lists, revokes and checks API keys; only hashes are stored.</summary>
public sealed class ApiKeyStore(IDbContextFactory<CallVaultDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How stale <see cref="ApiKey.LastUsedAt"/> may get before a request writes it again.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public const int MaxNameLength = 100;

    /// <summary>Null when a key (revoked or not) already has that name.</summary>
    public async Task<IssuedApiKey?> CreateAsync(string name, string role, string? createdBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!AccessRoles.IsKnown(role))
        {
            throw new ArgumentException($"unknown role '{role}'", nameof(role));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, cancellationToken))
        {
            return null;
        }

        var (key, prefix) = ApiKeyFormat.Generate();
        var row = new ApiKey
        {
            Name = name,
            Prefix = prefix,
            Hash = ApiKeyFormat.Hash(key),
            Role = role,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        db.ApiKeys.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return null; // Another request took the name at the same moment.
        }

        return new IssuedApiKey(row, key);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>False when no active key has that name. Takes effect on the next request.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ApiKeys
            .Where(k => k.Name == name && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken) > 0;
    }

    /// <summary>The active key the caller presented, or null. Read on every request, so a revocation applies at once.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (ApiKeyFormat.PrefixOf(presented) is not { } prefix)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null || key.RevokedAt is not null || !ApiKeyFormat.HashMatches(presented, key.Hash))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt.Value >= LastUsedResolution)
        {
            // Conditional, so concurrent requests write it once.
            var staleBefore = now - LastUsedResolution;
            await db.ApiKeys
                .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return key;
    }
}
