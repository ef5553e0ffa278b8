using System;
using Engagement.Rules.Facts;
using FluentAssertions.Specialized;

namespace Engagement.Rules.Tests.Facts;

internal static class FactAssertions
{
    /// <summary>Asserts that the action throws a <see cref="FactValidationException"/> naming the fact type, the field and the value.</summary>
    public static FactValidationException ShouldFailValidation(this Action act, string factType, string field, string? value)
    {
        ExceptionAssertions<FactValidationException> thrown = act.Should().Throw<FactValidationException>();
        var exception = thrown.Which;
        exception.FactType.Should().Be(factType);
        exception.Field.Should().Be(field);
        exception.Value.Should().Be(value);
        exception.Message.Should().Contain($"{factType}.{field}").And.Contain("expected");
        return exception;
    }

    public static FactValidationException ShouldFailValidation<T>(this Func<T> build, string factType, string field, string? value)
        => new Action(() => build()).ShouldFailValidation(factType, field, value);
}
