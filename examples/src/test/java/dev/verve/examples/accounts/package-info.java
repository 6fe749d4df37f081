/** Verve's built-in accounts and sign-in pages, as the demo and a bare app use them. */
package dev.verve.examples.accounts;
