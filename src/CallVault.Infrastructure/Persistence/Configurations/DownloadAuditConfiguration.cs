using CallVault.Core.Audit;
using CallVault.Core.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class DownloadAuditConfiguration : IEntityTypeConfiguration<DownloadAudit>
{
    public void Configure(EntityTypeBuilder<DownloadAudit> builder)
    {
        builder.ToTable("DownloadAudits");
        builder.HasKey(a => a.Id);
        builder.HasOne<Recording>().WithMany().HasForeignKey(a => a.RecordingId).OnDelete(DeleteBehavior.Cascade);
    }
}
