using CallVault.Core.Jobs;
using CallVault.Core.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        // Claims and their ends are recorded by triggers (script 0011): EF must not rely on RETURNING here.
        builder.ToTable("Jobs", t =>
        {
            t.HasTrigger("TR_Jobs_AttemptStarted");
            t.HasTrigger("TR_Jobs_AttemptEnded");
        });
        builder.HasKey(j => j.Id);
        builder.Property(j => j.State).HasConversion<string>();
        builder.HasOne<Recording>().WithMany().HasForeignKey(j => j.RecordingId).OnDelete(DeleteBehavior.Cascade);
    }
}
