using CallVault.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> builder)
    {
        builder.ToTable("DashboardUsers");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).UseCollation("NOCASE");
        builder.HasIndex(u => u.Name).IsUnique();
    }
}
