using CallVault.Core.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Provider, c.ProviderCallId }).IsUnique();
        builder.HasMany(c => c.Legs).WithOne().HasForeignKey(l => l.CallId);
    }
}
