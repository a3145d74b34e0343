using CallVault.Core.Access;
using CallVault.Core.Alerts;
using CallVault.Core.Audit;
using CallVault.Core.Calls;
using CallVault.Core.Jobs;
using CallVault.Core.Reconciliation;
using CallVault.Core.Recordings;
using CallVault.Core.Sync;
using CallVault.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Persistence;

public sealed class CallVaultDbContext(DbContextOptions<CallVaultDbContext> options) : DbContext(options)
{
    /// <summary>Set while a save of this context holds the <see cref="SqliteWriteGate"/>.</summary>
    internal bool HoldsWriteGate { get; set; }

    public DbSet<Call> Calls => Set<Call>();
    public DbSet<CallLeg> CallLegs => Set<CallLeg>();
    public DbSet<Recording> Recordings => Set<Recording>();
    public DbSet<RecordingStage> RecordingStages => Set<RecordingStage>();
    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobAttempt> JobAttempts => Set<JobAttempt>();
    public DbSet<DownloadAudit> DownloadAudits => Set<DownloadAudit>();
    public DbSet<ServiceSecret> ServiceSecrets => Set<ServiceSecret>();
    public DbSet<Import> Imports => Set<Import>();
    public DbSet<ImportItem> ImportItems => Set<ImportItem>();
    public DbSet<ReconciliationRun> Reconciliations => Set<ReconciliationRun>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<OperationalSample> OperationalSamples => Set<OperationalSample>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DashboardUser> DashboardUsers => Set<DashboardUser>();
    public DbSet<AdminAuditEntry> AdminAudits => Set<AdminAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CallVaultDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is UTC; SQLite keeps no kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
