/** The demo tested as an app's own tests would be, with Verve's test kit ({@code dev.verve:verve-test}). */
package dev.verve.examples.kit;
