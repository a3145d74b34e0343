using CallVault.Core.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallVault.Infrastructure.Persistence.Configurations;

internal sealed class CallLegConfiguration : IEntityTypeConfiguration<CallLeg>
{
    public void Configure(EntityTypeBuilder<CallLeg> builder)
    {
        builder.ToTable("CallLegs");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.Provider, l.ProviderCallId }).IsUnique();
    }
}
