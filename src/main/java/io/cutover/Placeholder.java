package io.cutover;
class Placeholder {}
