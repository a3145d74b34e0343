using CallVault.Infrastructure.Waveforms;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Web.Dashboard;

/// <summary>The browser dashboard: Razor Pages under <c>Dashboard/Pages</c>, its embedded assets and the waveform API.</summary>
internal static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddWaveforms();
        services.AddSingleton<DashboardAssets>();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Dashboard/Pages";
                o.Conventions.AuthorizeFolder("/", Roles.CanView);
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/SignOut");
                o.Conventions.AddPageRoute("/Calls/Index", "");
            })
            .ConfigureApplicationPartManager(AddThisAssembly);
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapDashboardAssets();
        app.MapWaveformEndpoints();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// The pages are compiled into this library; the host (the executable, or a test runner) does not
    /// always list it as an application part, so it is added here once.
    /// </summary>
    private static void AddThisAssembly(ApplicationPartManager manager)
    {
        var assembly = typeof(DashboardServiceCollectionExtensions).Assembly;
        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            if (!manager.ApplicationParts.Any(p => p.GetType() == part.GetType() && p.Name == part.Name))
            {
                manager.ApplicationParts.Add(part);
            }
        }
    }
}
