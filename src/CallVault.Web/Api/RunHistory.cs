using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Api;

/// <summary>
/// The two reads every background run (imports, reconciliations) offers: one run by id, and the latest
/// runs newest first, at most <c>limit</c> (<see cref="ListLimits"/>), each mapped to its DTO.
/// </summary>
internal static class RunHistory
{
    /// <summary>The run <paramref name="match"/> selects, or a 404 naming <paramref name="what"/>.</summary>
    public static async Task<Results<Ok<TDto>, ProblemHttpResult>> OneAsync<TEntity, TDto>(
        IQueryable<TEntity> match, string what, Func<TEntity, TDto> toDto, CancellationToken cancellationToken)
        where TEntity : class
    {
        var row = await match.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? ApiProblems.NotFound(what) : TypedResults.Ok(toDto(row));
    }

    /// <summary>The first <paramref name="limit"/> runs of <paramref name="newestFirst"/>, or a 400 when the limit is out of range.</summary>
    public static async Task<Results<Ok<IReadOnlyList<TDto>>, ProblemHttpResult>> LatestAsync<TEntity, TDto>(
        IOrderedQueryable<TEntity> newestFirst, int? limit, Func<TEntity, TDto> toDto, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (!ListLimits.TryNormalize(limit, out var take))
        {
            return ApiProblems.BadLimit();
        }

        var rows = await newestFirst.AsNoTracking().Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TDto>>([.. rows.Select(toDto)]);
    }
}
