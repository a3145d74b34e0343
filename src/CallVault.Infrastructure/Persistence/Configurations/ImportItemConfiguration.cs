using CallVault.Core.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class ImportItemConfiguration : IEntityTypeConfiguration<ImportItem>
{
    public void Configure(EntityTypeBuilder<ImportItem> builder)
    {
        builder.ToTable("ImportItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Outcome).HasConversion<string>();
        builder.HasIndex(i => new { i.ImportId, i.RecordingSid }).IsUnique();
        builder.HasOne<Import>().WithMany().HasForeignKey(i => i.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
