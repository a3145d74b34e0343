using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    public void Configure(EntityTypeBuilder<Recording> builder)
    {
        builder.ToTable("Recordings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>();
        builder.HasIndex(r => new { r.Provider, r.ProviderRecordingId }).IsUnique();
        builder.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.TranscriptSegments)
            .HasConversion(TranscriptSegmentsConversion.Converter, TranscriptSegmentsConversion.Comparer);
        builder.HasMany(r => r.Stages).WithOne().HasForeignKey(s => s.RecordingId);
    }
}
