using CallVault.Core.Reconciliation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> builder)
    {
        builder.ToTable("Reconciliations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>();
        builder.Property(r => r.Repair).HasConversion<string>();
        builder.HasIndex(r => r.JobId).IsUnique();
        builder.HasIndex(r => r.StartedAt);
    }
}
