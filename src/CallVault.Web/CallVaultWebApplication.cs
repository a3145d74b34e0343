using System.Text.Json;
using System.Text.Json.Serialization;
using CallVault.Infrastructure.Access;
using CallVault.Infrastructure.Alerts;
using CallVault.Infrastructure.Calls;
using CallVault.Infrastructure.Events;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Matching;
using CallVault.Infrastructure.Media;
using CallVault.Infrastructure.Observability;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Pipeline;
using CallVault.Infrastructure.Playback;
using CallVault.Infrastructure.Reconciliation;
using CallVault.Infrastructure.Retention;
using CallVault.Infrastructure.Search;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Summaries;
using CallVault.Infrastructure.Sync;
using CallVault.Infrastructure.Transcription;
using CallVault.Infrastructure.Twilio;
using CallVault.Infrastructure.Uploads;
using CallVault.Infrastructure.Vapi;
using CallVault.Web.Access;
using CallVault.Web.Alerts;
using CallVault.Web.Audit;
using CallVault.Web.Auth;
using CallVault.Web.Calls;
using CallVault.Web.Dashboard;
using CallVault.Web.Errors;
using CallVault.Web.Events;
using CallVault.Web.Hardening;
using CallVault.Web.Health;
using CallVault.Web.Imports;
using CallVault.Web.Metrics;
using CallVault.Web.Playback;
using CallVault.Web.RateLimits;
using CallVault.Web.Reconciliations;
using CallVault.Web.Recordings;
using CallVault.Web.Reports;
using CallVault.Web.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CallVault.Web;

/// <summary>Composition of the server: every feature registers and maps itself.</summary>
public static class CallVaultWebApplication
{
    /// <summary>Services shared by the server and the CLI's one-shot commands.</summary>
    public static IServiceCollection AddCallVaultCore(this IServiceCollection services)
    {
        services.AddOptions<CallVaultOptions>().BindConfiguration(CallVaultOptions.Section);
        services.AddPersistence();
        services.AddObservability();
        services.AddAlerts();
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<CallVaultDbContext>>().CreateDbContext());
        services.AddRecordingStorage();
        services.AddJobQueue();
        services.AddTwilio();
        services.AddVapi();
        services.AddMatching();
        services.AddCallOptions();
        services.AddPlayback();
        services.AddRetention();
        services.AddSync();
        services.AddReconciliation();
        services.AddMedia();
        services.AddEventHub();
        services.AddRecordingPipeline();
        services.AddTranscription();
        services.AddSummaries();
        services.AddCallSearch();
        services.AddUploads();
        services.AddTwilioRecordingStart();
        services.AddAccess();
        return services;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings files ship beside the executable; relative data paths stay relative to where it runs.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // First hosted service: the schema is migrated before any worker or sweep touches the database.
        builder.Services.AddHostedService<StartupMaintenance>();
        builder.Services.AddCallVaultCore();
        builder.Services.AddIngestion();
        builder.Services.AddJobWorkers();
        builder.Services.AddEventFanOut();
        builder.Services.AddRecordingMissingSweep();
        builder.Services.AddRetentionSchedule();
        builder.Services.AddStagedUploadCleanup();
        builder.Services.AddAlertSchedule();
        builder.Services.AddTwilioVoice();
        builder.Services.AddSingleton<TwilioWebhookReader>();
        builder.Services.AddSingleton<AudioResponder>();
        builder.Services.AddApiAuth();
        builder.Services.AddAntiforgery();
        builder.Services.AddRequestRateLimits();
        builder.Services.AddCallVaultHealthChecks();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddDashboard();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 8 * 1024 * 1024);
        configure?.Invoke(builder);

        var app = builder.Build();
        // Outside the exception handler, so a webhook that failed is counted with the status it got.
        app.UseWebhookMetrics();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders.AddAsync);
        app.Use(RequestBodyLimits.ApplyAsync);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<AdminAuditMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapTwilioWebhooks();
        app.MapVapiWebhooks();
        app.MapTwilioVoiceWebhook();
        app.MapRecordingEndpoints();
        app.MapRecordingAdminEndpoints();
        app.MapPlaybackEndpoints();
        app.MapCallEndpoints();
        app.MapLeadEndpoints();
        app.MapReportEndpoints();
        app.MapImportEndpoints();
        app.MapReconciliationEndpoints();
        app.MapAlertEndpoints();
        app.MapEventEndpoints();
        app.MapDashboard();
        app.MapKeyEndpoints();
        app.MapUserEndpoints();
        app.MapAdminAuditEndpoints();
        return app;
    }
}
