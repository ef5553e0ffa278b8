using System;
using System.Globalization;

namespace Engagement.Rules.Yaml.Expressions.Functions;

/// <summary>
/// The arithmetic operators on floating-point numbers, failing like whole-number arithmetic does instead of
/// giving Infinity or NaN: a division or remainder by zero throws <see cref="DivideByZeroException"/>, a
/// result too large for a number throws <see cref="OverflowException"/>, and the rule fails with a message
/// naming it. Called by compiled expressions; not a catalogue function (it is not in <see cref="ExpressionFunctions"/>).
/// </summary>
internal static class DoubleArithmetic
{
    public static double Add(double left, double right) => Finite(left + right, left, "+", right);

    public static double Subtract(double left, double right) => Finite(left - right, left, "-", right);

    public static double Multiply(double left, double right) => Finite(left * right, left, "*", right);

    public static double Divide(double left, double right) =>
        right == 0 && double.IsFinite(left) ? throw DivideByZero(left, "/") : Finite(left / right, left, "/", right);

    public static double Remainder(double left, double right) =>
        right == 0 && double.IsFinite(left) ? throw DivideByZero(left, "%") : Finite(left % right, left, "%", right);

    // Only finite operands are checked: a non-finite value handed in by the host stays the host's choice.
    private static double Finite(double result, double left, string symbol, double right) =>
        double.IsFinite(result) || !double.IsFinite(left) || !double.IsFinite(right)
            ? result
            : throw new OverflowException($"{Text(left)} {symbol} {Text(right)} is too large for a number.");

    private static DivideByZeroException DivideByZero(double left, string symbol) =>
        new($"{Text(left)} {symbol} 0 divides by zero.");

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
