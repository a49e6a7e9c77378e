/**
 * The embedded default: {@link dev.ordersaga.localstack.LocalStack} runs PostgreSQL, Kafka and the
 * four services (each as its own process) on one machine, seeds them and stops them again;
 * {@link dev.ordersaga.localstack.LocalStackCommand} is its command line ({@code local-stack.sh}).
 */
package dev.ordersaga.localstack;
