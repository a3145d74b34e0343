using CallVault.Core.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public void Configure(EntityTypeBuilder<Import> builder)
    {
        builder.ToTable("Imports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>();
        builder.HasIndex(i => i.JobId).IsUnique();
        builder.HasIndex(i => i.StartedAt);
    }
}
