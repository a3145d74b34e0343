using CallVault.Core.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class OperationalSampleConfiguration : IEntityTypeConfiguration<OperationalSample>
{
    public void Configure(EntityTypeBuilder<OperationalSample> builder)
    {
        builder.ToTable("OperationalSamples");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.Signal, s.RecordedAt });
    }
}
