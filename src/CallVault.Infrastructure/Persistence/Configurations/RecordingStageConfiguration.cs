using CallVault.Core.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class RecordingStageConfiguration : IEntityTypeConfiguration<RecordingStage>
{
    public void Configure(EntityTypeBuilder<RecordingStage> builder)
    {
        builder.ToTable("RecordingStages");
        builder.HasKey(s => new { s.RecordingId, s.Stage });
        builder.Property(s => s.Stage).HasConversion<string>();
        builder.Property(s => s.Status).HasConversion<string>();
    }
}
