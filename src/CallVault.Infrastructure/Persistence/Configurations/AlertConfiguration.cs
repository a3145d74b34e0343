using CallVault.Core.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Severity).HasConversion<string>();
        builder.Ignore(a => a.IsOpen);
        // One open alert per rule and subject, whichever instance raises it.
        builder.HasIndex(a => new { a.Rule, a.Subject }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
        builder.HasIndex(a => a.RaisedAt);
    }
}
