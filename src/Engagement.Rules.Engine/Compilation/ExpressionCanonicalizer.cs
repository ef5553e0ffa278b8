using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace Engagement.Rules.Engine.Compilation;

/// <summary>
/// Writes an expression as a canonical string: equal strings mean structurally equal expressions over the
/// same declarations, which is what node sharing needs. Parameters are written by the name the caller maps
/// them to (a declaration's level), captured closure fields by their value, and constants of types without
/// a reliable textual form by object identity (so they never share by accident).
/// </summary>
internal sealed class ExpressionCanonicalizer
{
    private readonly Dictionary<object, int> _objectIds = new(ReferenceEqualityComparer.Instance);
    private readonly bool _blocks;
    private int _unique;

    /// <param name="blocks">
    /// Write blocks (a local assigned once, e.g. the value of <c>x between a and b</c>) structurally instead of as
    /// unique. Node sharing keeps them unique (its keys, hence the network, stay as they were); delegate shapes
    /// (<see cref="DelegateCompiler"/>) write them, so rules that differ only in a between's bounds share a compile.
    /// </param>
    public ExpressionCanonicalizer(bool blocks = false) => _blocks = blocks;

    public string Write(Expression expression, IReadOnlyDictionary<ParameterExpression, string> parameters)
    {
        var builder = new StringBuilder();
        Append(builder, expression, parameters);
        return builder.ToString();
    }

    /// <summary>Evaluates constants and captured variables (fields of closure objects, static fields) at compile time.</summary>
    public static bool TryEvaluate(Expression expression, out object? value)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression { Member: FieldInfo field } member:
                if (member.Expression is null)
                {
                    value = field.GetValue(null);
                    return true;
                }

                if (TryEvaluate(member.Expression, out var target) && target is not null)
                {
                    value = field.GetValue(target);
                    return true;
                }

                break;
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary
                when unary.Method is null && TryEvaluate(unary.Operand, out var operand):
                try
                {
                    value = operand is null ? null : ConvertValue(operand, unary.Type);
                    return true;
                }
                catch (InvalidCastException)
                {
                    break;
                }
        }

        value = null;
        return false;
    }

    private static object? ConvertValue(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        if (target.IsEnum)
        {
            return Enum.ToObject(target, value);
        }

        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    private void Append(StringBuilder b, Expression? e, IReadOnlyDictionary<ParameterExpression, string> p)
    {
        switch (e)
        {
            case null:
                b.Append("null");
                return;
            case ParameterExpression parameter:
                b.Append(p.TryGetValue(parameter, out var name) ? name : $"?{parameter.Name}:{parameter.Type.Name}");
                return;
            case ConstantExpression constant:
                AppendConstant(b, constant.Value, constant.Type);
                return;
            case MemberExpression member:
                if (TryEvaluate(member, out var captured))
                {
                    AppendConstant(b, captured, member.Type);
                    return;
                }

                if (member.Expression is null)
                {
                    b.Append(member.Member.DeclaringType?.FullName);
                }
                else
                {
                    Append(b, member.Expression, p);
                }

                b.Append('.').Append(member.Member.Name);
                return;
            case UnaryExpression unary:
                b.Append(unary.NodeType).Append('<').Append(unary.Type.FullName).Append(">(");
                Append(b, unary.Operand, p);
                b.Append(')');
                return;
            case BinaryExpression binary:
                b.Append('(');
                Append(b, binary.Left, p);
                b.Append(' ').Append(binary.NodeType);
                if (binary.Method is not null)
                {
                    b.Append('[').Append(binary.Method.DeclaringType?.FullName).Append('.').Append(binary.Method.Name).Append(']');
                }

                b.Append(' ');
                Append(b, binary.Right, p);
                b.Append(')');
                return;
            case MethodCallExpression call:
                if (call.Object is null)
                {
                    b.Append(call.Method.DeclaringType?.FullName);
                }
                else
                {
                    Append(b, call.Object, p);
                }

                b.Append('.').Append(call.Method.Name);
                if (call.Method.IsGenericMethod)
                {
                    b.Append('<');
                    foreach (var t in call.Method.GetGenericArguments())
                    {
                        b.Append(t.FullName).Append(',');
                    }

                    b.Append('>');
                }

                AppendList(b, call.Arguments, p);
                return;
            case ConditionalExpression conditional:
                b.Append("if(");
                Append(b, conditional.Test, p);
                b.Append(", ");
                Append(b, conditional.IfTrue, p);
                b.Append(", ");
                Append(b, conditional.IfFalse, p);
                b.Append(')');
                return;
            case TypeBinaryExpression typeBinary:
                b.Append(typeBinary.NodeType).Append('(');
                Append(b, typeBinary.Expression, p);
                b.Append(", ").Append(typeBinary.TypeOperand.FullName).Append(')');
                return;
            case NewExpression newExpression:
                b.Append("new ").Append(newExpression.Type.FullName);
                AppendList(b, newExpression.Arguments, p);
                return;
            case NewArrayExpression newArray:
                b.Append(newArray.NodeType).Append(' ').Append(newArray.Type.FullName);
                AppendList(b, newArray.Expressions, p);
                return;
            case InvocationExpression invocation:
                b.Append("invoke(");
                Append(b, invocation.Expression, p);
                b.Append(')');
                AppendList(b, invocation.Arguments, p);
                return;
            case LambdaExpression lambda:
                var inner = new Dictionary<ParameterExpression, string>(p);
                b.Append("lambda(");
                foreach (var parameter in lambda.Parameters)
                {
                    var innerName = $"@{inner.Count}:{parameter.Type.FullName}";
                    inner[parameter] = innerName;
                    b.Append(innerName).Append(',');
                }

                b.Append(")=>");
                Append(b, lambda.Body, inner);
                return;
            case BlockExpression block when _blocks:
                var scope = new Dictionary<ParameterExpression, string>(p);
                b.Append("block<").Append(block.Type.FullName).Append(">(");
                foreach (var variable in block.Variables)
                {
                    var variableName = $"%{scope.Count}:{variable.Type.FullName}";
                    scope[variable] = variableName;
                    b.Append(variableName).Append(',');
                }

                b.Append("){");
                foreach (var statement in block.Expressions)
                {
                    Append(b, statement, scope);
                    b.Append(';');
                }

                b.Append('}');
                return;
            case DefaultExpression:
                b.Append("default(").Append(e.Type.FullName).Append(')');
                return;
            default:
                // Unknown shapes never share: correctness first.
                b.Append("#unique").Append(_unique++);
                return;
        }
    }

    private void AppendList(StringBuilder b, System.Collections.ObjectModel.ReadOnlyCollection<Expression> arguments, IReadOnlyDictionary<ParameterExpression, string> p)
    {
        b.Append('(');
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }

            Append(b, arguments[i], p);
        }

        b.Append(')');
    }

    private void AppendConstant(StringBuilder b, object? value, Type type)
    {
        switch (value)
        {
            case null:
                b.Append("null<").Append(type.FullName).Append('>');
                return;
            case string text:
                b.Append('"').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case Type typeValue:
                b.Append("typeof(").Append(typeValue.FullName).Append(')');
                return;
            default:
                var valueType = value.GetType();
                if (valueType.IsPrimitive || valueType.IsEnum || value is decimal || value is Guid)
                {
                    b.Append(valueType.Name).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    return;
                }

                if (!_objectIds.TryGetValue(value, out var id))
                {
                    id = _objectIds.Count;
                    _objectIds.Add(value, id);
                }

                b.Append("#obj").Append(id).Append(':').Append(valueType.Name);
                return;
        }
    }
}
