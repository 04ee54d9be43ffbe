/**
 * The HTTP resources of a session's work that span several packages: a session with its agenda,
 * attendance, votes, decisions and minutes ({@code SessionResource}, {@code CommissionSessionsResource})
 * and an agenda item's acceptance, votes and decision ({@code AgendaResource}). They sit above
 * {@code session}, {@code agenda}, {@code decision}, {@code sitting} and {@code minutes}, so those
 * packages depend on each other one way only (PackageCyclesTest). Resources that need only their
 * own package stay there.
 */
package kz.prevention.commission.api;
