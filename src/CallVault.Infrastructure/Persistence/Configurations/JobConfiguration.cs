using CallVault.Core.Jobs;
using CallVault.Core.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("Jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.State).HasConversion<string>();
        builder.HasOne<Recording>().WithMany().HasForeignKey(j => j.RecordingId).OnDelete(DeleteBehavior.Cascade);
    }
}
