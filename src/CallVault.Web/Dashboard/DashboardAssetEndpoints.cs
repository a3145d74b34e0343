using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Dashboard;

/// <summary><c>GET /assets/{name}</c>: the embedded dashboard files, with ETags.</summary>
internal static class DashboardAssetEndpoints
{
    public static IEndpointRouteBuilder MapDashboardAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpContext context, DashboardAssets assets) =>
        {
            if (!assets.TryGet(name, out var asset))
            {
                return Results.NotFound();
            }

            // Revalidated on each load (cheap: 304), so a new version shows at once after an upgrade.
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ETag = asset.ETag;
            if (context.Request.Headers.IfNoneMatch == asset.ETag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(asset.Content, asset.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
