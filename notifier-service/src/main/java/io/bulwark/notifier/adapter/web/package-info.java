/** The notifier's HTTP API: the test notification of a channel and the list of recent notifications. */
package io.bulwark.notifier.adapter.web;
